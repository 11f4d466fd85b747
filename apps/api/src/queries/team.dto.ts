import { ApiProperty } from '@nestjs/swagger';

/** One of the council's teams (TEAMS): its code, as cases and tokens carry it, and its display name. */
export class TeamDto {
  @ApiProperty({ example: 'north', description: 'The team code, as in `team` fields and token claims' })
  code!: string;

  @ApiProperty({ example: 'North team', description: 'The display name (TEAMS; the code when none is set)' })
  name!: string;
}

import { DASHBOARD } from './dashboard.fixture';
import { rateSeriesOf } from './dashboard.view-model';
import { accessibleSvg, renderRateChart } from './rate-chart';

describe('rate chart (server-side SVG)', () => {
  const svg = renderRateChart(rateSeriesOf(DASHBOARD), 'rate-chart', 'The 20-week rate', 'Three months.');

  it('is an image named by its title and description', () => {
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-labelledby="rate-chart-title rate-chart-desc"/);
    expect(svg).toContain('<title id="rate-chart-title">The 20-week rate</title>');
    expect(svg).toContain('<desc id="rate-chart-desc">Three months.</desc>');
    expect(svg).toContain('viewBox="0 0 960 420"');
  });

  it('carries no style element or attribute (the CSP refuses them) and no script', () => {
    expect(svg).not.toMatch(/<style|\sstyle=|<script/);
    expect(svg).toContain('Jan 2025');
    expect(svg).toContain('England (published)');
  });

  it('turns style declarations into presentation attributes', () => {
    const out = accessibleSvg(
      '<svg width="1" height="1"><style>.a{cursor:pointer}</style><text style="font-size:12px;font-family:&quot;GDS Transport&quot;, arial;">x</text></svg>',
      'c',
      'T',
      'D',
    );
    expect(out).toBe(
      '<svg class="app-chart" role="img" aria-labelledby="c-title c-desc" focusable="false"><title id="c-title">T</title><desc id="c-desc">D</desc><text font-size="12px" font-family="&quot;GDS Transport&quot;, arial">x</text></svg>',
    );
  });
});

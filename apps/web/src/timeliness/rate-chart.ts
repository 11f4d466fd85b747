import * as echarts from 'echarts';
import type { RateSeries } from './dashboard.view-model';
import { ALL_TEAMS } from './dashboard.view-model';

// The 20-week rate by month as an inline SVG drawn on the server (Apache ECharts' SSR renderer): no
// script reaches the browser, and the page's numbers table says the same in words.

/** GOV.UK colours with at least 3:1 contrast on white (WCAG 1.4.11); shapes tell the lines apart too. */
const TEAM_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#d53880', '#f47738', '#28a197'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
const TEXT = '#0b0c0c';
const FONT = 'arial, sans-serif';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${SHORT_MONTHS[Number(number) - 1]} ${year}`;
}

/** ECharts' option for the series: each team, all chosen teams (black, thicker), England (dashed). */
export function rateChartOption(series: RateSeries): echarts.EChartsCoreOption {
  const teamLines = series.teams.map((team, index) => ({
    name: team.name,
    type: 'line',
    data: team.values,
    symbol: SYMBOLS[index % SYMBOLS.length],
    symbolSize: 7,
    itemStyle: { color: TEAM_COLOURS[index % TEAM_COLOURS.length] },
    lineStyle: { width: 2 },
  }));
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily: FONT, color: TEXT, fontSize: 14 },
    grid: { left: 56, right: 24, top: 64, bottom: 56 },
    legend: { top: 8, left: 8, textStyle: { color: TEXT, fontSize: 14 } },
    xAxis: {
      type: 'category',
      data: series.months.map(shortMonth),
      axisLabel: { color: TEXT, interval: 2 },
      axisLine: { lineStyle: { color: '#505a5f' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: '% within 20 weeks',
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: '#cecece' } },
    },
    series: [
      ...teamLines,
      {
        name: series.totalName ?? ALL_TEAMS,
        type: 'line',
        data: series.total.map((month) => month.pc_plans_issued_within_20_weeks),
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: TEXT },
        lineStyle: { width: 4 },
      },
      {
        name: 'England (published)',
        type: 'line',
        data: series.england.map((rate) => rate?.pcPlansIssuedWithin20Weeks ?? null),
        symbol: 'none',
        itemStyle: { color: '#505a5f' },
        lineStyle: { width: 2, type: 'dashed' },
      },
    ],
  };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** `style="font-size:12px;font-family:x"` -> ` font-size="12px" font-family="x"` (SVG presentation attributes). */
function presentationAttributes(style: string): string {
  return style
    .replace(/&quot;/g, '"')
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration.includes(':'))
    .map((declaration) => {
      const at = declaration.indexOf(':');
      const name = declaration.slice(0, at).trim();
      const value = declaration.slice(at + 1).trim();
      return /^[a-z-]+$/.test(name) ? ` ${name}="${escapeAttribute(value)}"` : '';
    })
    .join('');
}

/**
 * ECharts' SVG made fit for a strict Content-Security-Policy and assistive technology: its `<style>`
 * element and `style=` attributes would be refused (style-src 'self'), so the declarations become
 * presentation attributes and the element goes (it only sets cursors); the root gets role="img", a
 * <title> and a <desc> that name it, and scales with its container.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const cleaned = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_match, style: string) => presentationAttributes(style));
  return cleaned.replace(
    /^<svg([^>]*)>/,
    (_match, attributes: string) =>
      `<svg${attributes.replace(/\s(width|height)="[^"]*"/g, '')} class="app-chart" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
      `<title id="${id}-title">${escapeAttribute(title)}</title><desc id="${id}-desc">${escapeAttribute(description)}</desc>`,
  );
}

export const CHART_SIZE = { width: 960, height: 420 } as const;

/** The chart as inline SVG markup. */
export function renderRateChart(series: RateSeries, id: string, title: string, description: string): string {
  // No DOM on the server: ECharts' SSR mode takes null and a size.
  const chart = echarts.init(null as never, null, {
    renderer: 'svg',
    ssr: true,
    ...CHART_SIZE,
  });
  try {
    chart.setOption(rateChartOption(series));
    return accessibleSvg(chart.renderToSVGString(), id, title, description);
  } finally {
    chart.dispose();
  }
}

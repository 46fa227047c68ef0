namespace GridEdge.Host.Hosting;

/// <summary>A one-page dashboard: polls /api/status each second and shows grid, PV and every chargepoint with the controller's reason.</summary>
internal static class DashboardPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GridEdge</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f6f7f9; color: #1d2330; }
  h1 { margin: 0 0 .2rem; font-size: 1.4rem; }
  .sub { color: #667; margin-bottom: 1rem; }
  .cards { display: flex; flex-wrap: wrap; gap: .8rem; margin-bottom: 1rem; }
  .card { background: #fff; border-radius: 8px; padding: .8rem 1rem; min-width: 10rem; box-shadow: 0 1px 3px #0002; }
  .card .v { font-size: 1.6rem; font-weight: 600; }
  .card .l { color: #667; font-size: .85rem; }
  .failsafe { background: #fde2e1; color: #8a1c14; padding: .6rem 1rem; border-radius: 8px; margin-bottom: 1rem; display: none; }
  table { border-collapse: collapse; width: 100%; background: #fff; box-shadow: 0 1px 3px #0002; border-radius: 8px; }
  th, td { text-align: left; padding: .5rem .7rem; border-bottom: 1px solid #eee; font-size: .92rem; }
  th { color: #667; font-weight: 500; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { height: 6px; background: #e4e7ec; border-radius: 3px; overflow: hidden; min-width: 6rem; }
  .bar > div { height: 100%; background: #2f9e44; }
</style>
</head>
<body>
<h1 id="name">GridEdge</h1>
<div class="sub" id="time">connecting…</div>
<div class="failsafe" id="failsafe">Fail-safe: the grid meter cannot be trusted; chargers are at their safe value.</div>
<div class="cards">
  <div class="card"><div class="l">Grid (+ import / − export)</div><div class="v" id="grid">–</div><div class="l" id="phases"></div></div>
  <div class="card"><div class="l">PV</div><div class="v" id="pv">–</div></div>
  <div class="card"><div class="l">PV surplus over the house</div><div class="v" id="surplus">–</div></div>
  <div class="card"><div class="l">Self-consumption</div><div class="v" id="self">–</div><div class="l" id="energy"></div></div>
  <div class="card" id="batterycard" style="display:none"><div class="l">Battery</div><div class="v" id="battery">–</div><div class="l" id="batterywhy"></div></div>
  <div class="card" id="demandcard" style="display:none"><div class="l">Half-hour demand (predicted)</div><div class="v" id="demand">–</div><div class="l" id="demandpeak"></div></div>
</div>
<table>
  <thead><tr><th>Chargepoint</th><th>Mode</th><th>Status</th><th class="num">Draw</th><th class="num">Setpoint</th><th>SoC</th><th>Why</th></tr></thead>
  <tbody id="cps"></tbody>
</table>
<script>
const kw = w => w == null ? "–" : (w / 1000).toFixed(2) + " kW";
const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
async function refresh() {
  try {
    const r = await fetch("/api/status", { cache: "no-store" });
    if (!r.ok) { document.getElementById("time").textContent = "starting…"; return; }
    const s = await r.json();
    document.getElementById("name").textContent = s.name + " (" + s.site + ")";
    document.getElementById("time").textContent = s.simulated_local_time
      ? "simulated site time " + s.simulated_local_time + " (" + s.name + " is simulated)"
      : new Date(s.time).toLocaleString();
    document.getElementById("failsafe").style.display = s.failsafe ? "block" : "none";
    document.getElementById("grid").textContent = kw(s.grid.power_w);
    document.getElementById("phases").textContent = s.grid.phase_currents_a.map(a => a.toFixed(1) + " A").join(" · ") + " (fuse " + s.grid.max_current_a + " A)";
    const pv = s.meters.find(m => m.role === "pv");
    document.getElementById("pv").textContent = pv && pv.power_w != null ? kw(-pv.power_w) : "–";
    document.getElementById("surplus").textContent = kw(s.surplus_w);
    const st = s.statistics;
    document.getElementById("self").textContent = st.self_consumption == null ? "–" : (st.self_consumption * 100).toFixed(0) + " %";
    document.getElementById("energy").textContent = "PV " + (st.energy_wh.pv / 1000).toFixed(2) + " kWh · EV " + (st.energy_wh.ev_charged / 1000).toFixed(2) + " kWh";
    document.getElementById("batterycard").style.display = s.battery ? "block" : "none";
    if (s.battery) {
      const b = s.battery;
      document.getElementById("battery").textContent = (b.soc_percent == null ? "–" : b.soc_percent.toFixed(0) + " %") + " · " + (b.power_w == null ? "–" : (b.power_w / 1000).toFixed(2) + " kW");
      document.getElementById("batterywhy").textContent = "setpoint " + (b.setpoint_w / 1000).toFixed(2) + " kW · " + b.reason + ": " + b.detail;
    }
    document.getElementById("demandcard").style.display = s.demand ? "block" : "none";
    if (s.demand) {
      document.getElementById("demand").textContent = s.demand.projected_kw.toFixed(2) + " kW";
      document.getElementById("demandpeak").textContent = s.demand.import_kwh.toFixed(2) + " kWh so far · billed peak " + s.demand.billed_peak_kw.toFixed(2) + " kW";
    }
    document.getElementById("cps").innerHTML = s.chargepoints.map(c => `<tr>
      <td>${esc(c.id)}</td><td>${esc(c.mode)}</td><td>${esc(c.status)}</td>
      <td class="num">${kw(c.power_w)}<br><small>${c.current_a ?? "–"} A × ${c.active_phases ?? "–"}</small></td>
      <td class="num">${c.setpoint.current_a} A × ${c.setpoint.phases}</td>
      <td>${c.soc == null ? "–" : `<div class="bar"><div style="width:${(c.soc * 100).toFixed(0)}%"></div></div>${(c.soc * 100).toFixed(0)} %`}</td>
      <td>${esc(c.reason)}<br><small>${esc(c.detail)}</small></td></tr>`).join("");
  } catch (e) {
    document.getElementById("time").textContent = "no connection to the gateway";
  }
}
refresh();
setInterval(refresh, 1000);
</script>
</body>
</html>
""";
}

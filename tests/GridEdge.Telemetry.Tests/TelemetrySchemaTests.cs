using System.Buffers;
using System.Text;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Telemetry.LineProtocol;
using GridEdge.Telemetry.Schema;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class TelemetrySchemaTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ControlDecision Decision(DateTimeOffset time) => new()
    {
        Time = time,
        FailSafe = false,
        GridPower = new Power(1200),
        BaseLoad = new Power(-800),
        Surplus = new Power(600),
        ChargePoints =
        [
            new ChargePointDecision("garage", Setpoint.ForCurrent("garage", new Current(8), 3, new Voltage(230), time, TimeSpan.FromSeconds(60)), DecisionReason.Surplus, "surplus 5.5 kW"),
        ],
    };

    private static string Encode(IEnumerable<TelemetryPoint> points)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var point in points)
        {
            LineProtocolEncoder.TryWrite(point, WritePrecision.Seconds, buffer, out _);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void A_cycle_becomes_readings_control_decisions_and_setpoints_tagged_by_site()
    {
        var schema = new TelemetrySchema(TestSites.Site([TestSites.ChargePoint("garage", ChargeMode.Solar)]));
        var snapshot = new SnapshotBuilder(T).Grid([5, 6, 7]).ChargePoint("garage", ChargePointStatus.Charging, 8).Build();
        var lines = Encode(schema.Cycle(snapshot, Decision(T))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "grid,meter=grid,site=test power_w=4140,current_l1_a=5,current_l2_a=6,current_l3_a=7,quality=\"good\" 1795435200",
            "chargepoint,chargepoint=garage,site=test power_w=5520,current_a=8,phases=3i,status=\"charging\",plugged_in=t,session_energy_wh=0,quality=\"good\" 1795435200",
            "control,site=test grid_power_w=1200,base_load_w=-800,surplus_w=600,failsafe=f 1795435200",
            "decision,chargepoint=garage,reason=surplus,site=test detail=\"surplus 5.5 kW\",current_a=8,failsafe=f 1795435200",
            "setpoint,chargepoint=garage,kind=current,site=test current_a=8,phases=3i,power_w=5520,expires_s=60 1795435200",
        ], lines);
    }

    [Fact]
    public void A_reading_already_recorded_is_not_recorded_again()
    {
        var schema = new TelemetrySchema(TestSites.Site([]));
        var snapshot = new SnapshotBuilder(T).Grid([1, 1, 1]).Build();
        Assert.Contains(schema.Cycle(snapshot, Decision(T)), p => p.Measurement == Measurements.Grid);
        Assert.DoesNotContain(schema.Cycle(snapshot, Decision(T.AddSeconds(1))), p => p.Measurement == Measurements.Grid);
    }

    [Fact]
    public void Device_health_carries_counters()
    {
        var schema = new TelemetrySchema(TestSites.Site([]));
        Assert.Equal(
            "device_health,device=grid,protocol=modbus,site=test reads=120i,errors=3i,online=t 1795435200\n",
            Encode([schema.DeviceHealth(new DeviceHealthSample("grid", "modbus", 120, 3, true), T)]));
    }

    [Fact]
    public void A_plan_slot_becomes_a_site_point_and_one_point_per_vehicle_at_the_slot_start()
    {
        var schema = new TelemetrySchema(TestSites.Site([]));
        var slot = new PlanSlotSample(T.AddMinutes(30), 2.5, 0, -1.25, new Dictionary<string, double> { ["visitor"] = 7.4, ["garage"] = -3.0 });
        Assert.Equal(
            "plan,site=test grid_import_w=2500,grid_export_w=0,battery_w=-1250,lead_s=1800 1795437000\n" +
            "plan,site=test,vehicle=garage power_w=-3000,lead_s=1800 1795437000\n" +
            "plan,site=test,vehicle=visitor power_w=7400,lead_s=1800 1795437000\n",
            Encode(schema.PlanSlot(slot, T)));
        Assert.Single(schema.PlanSlot(slot with { VehicleKw = new Dictionary<string, double>() }, T));
    }

    [Fact]
    public void Every_decision_reason_has_a_snake_case_name()
    {
        foreach (var reason in Enum.GetValues<DecisionReason>())
        {
            var expected = string.Concat(reason.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            Assert.Equal(expected, WireNames.Of(reason));
        }

        foreach (var status in Enum.GetValues<ChargePointStatus>())
        {
            Assert.Equal(status.ToString().ToLowerInvariant(), WireNames.Of(status));
        }
    }
}

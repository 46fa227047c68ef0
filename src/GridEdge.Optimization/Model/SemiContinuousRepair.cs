namespace GridEdge.Optimization.Model;

/// <summary>
/// Chargers run at 0 or at least their minimum (6 A). Instead of a MIP, the LP's powers between 0
/// and the minimum are rounded and the LP is solved again so the rest of the schedule adapts.
/// Rounding is balanced per slot across the cars ("error diffusion", strongest first): the slot's
/// total stays close to the LP's, so neither the grid peak nor the energy delivered jumps. A car is
/// only switched on where it has room. Every other power of the repaired slots is frozen on its side
/// of the minimum (0, or [min, max]), so the re-solve cannot create new fractional powers there and
/// one pass settles it.
/// </summary>
internal static class SemiContinuousRepair
{
    /// <summary>A power within this of 0 or of the minimum counts as on the edge, not fractional.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// Rounds the fractional powers of the first <paramref name="slots"/> slots and freezes the rest
    /// there. Returns how many were rounded; 0 means the solution already complies and nothing changed.
    /// Charges switched off are added to <paramref name="switchedOff"/>.
    /// </summary>
    public static int Pass(PlanModel model, Solution solution, int slots, List<SwitchedOff> switchedOff)
    {
        if (CountFractional(model, solution, slots) == 0)
        {
            return 0;
        }

        var rounded = 0;
        var added = new double[model.Vehicles.Count];
        var room = new double[model.Vehicles.Count][];
        var candidates = new List<Candidate>();
        var atPeak = model.Demand?.AtPeak(solution, model.Context.Dt);
        foreach (var direction in (ReadOnlySpan<ChargeDirection>)[ChargeDirection.Charge, ChargeDirection.Discharge])
        {
            Array.Clear(added);
            Array.Clear(room);
            for (var t = 0; t < Math.Min(slots, model.Context.Horizon); t++)
            {
                candidates.Clear();
                for (var k = 0; k < model.Vehicles.Count; k++)
                {
                    var vehicle = model.Vehicles[k];
                    var j = t - vehicle.First;
                    if (j < 0 || j >= vehicle.Count || (direction == ChargeDirection.Discharge && vehicle.Discharge is null))
                    {
                        continue;
                    }

                    var power = Power(solution.Vehicles[k], j, direction);
                    var minimum = Minimum(vehicle, direction);
                    if (IsFractional(power, minimum))
                    {
                        candidates.Add(new Candidate(k, j, power, minimum));
                    }
                    else
                    {
                        Freeze(vehicle, j, direction, power > Tolerance);
                    }
                }

                // In a half hour at the billed peak, extra import raises the demand charge: charges are
                // only switched on where others switched off make up for it (they catch up later).
                var holdPeak = direction == ChargeDirection.Charge && atPeak is not null && atPeak[t];
                rounded += Round(model, solution, direction, candidates, added, room, switchedOff, holdPeak);
            }
        }

        return rounded;
    }

    /// <summary>How many powers within the first <paramref name="slots"/> slots lie strictly between 0 and their minimum.</summary>
    public static int CountFractional(PlanModel model, Solution solution, int slots)
    {
        var count = 0;
        for (var k = 0; k < model.Vehicles.Count; k++)
        {
            var vehicle = model.Vehicles[k];
            var values = solution.Vehicles[k];
            var limit = Math.Min(vehicle.Count, slots - vehicle.First);
            for (var j = 0; j < limit; j++)
            {
                count += IsFractional(values.Charge[j], vehicle.Vehicle.Charge.MinKw) ? 1 : 0;
                count += IsFractional(values.Discharge[j], vehicle.Vehicle.Discharge.MinKw) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>
    /// Rounding a charge off or a discharge on can cost a shortfall when no other slot can make up the
    /// energy (typically the last slots before departure): a kWh short costs far more than a slot at
    /// minimum power. For every vehicle whose shortfall grew, those roundings are turned the other way
    /// (a charge on only where the car has room). Returns how many were; the caller re-solves.
    /// </summary>
    public static int RestoreWhereShort(PlanModel model, Solution before, Solution after, List<SwitchedOff> switchedOff)
    {
        var restored = 0;
        foreach (var off in switchedOff)
        {
            var vehicle = model.Vehicles[off.Vehicle];
            if (after.Vehicles[off.Vehicle].ShortfallKwh <= before.Vehicles[off.Vehicle].ShortfallKwh + Tolerance)
            {
                continue;
            }

            if (off.Direction == ChargeDirection.Discharge)
            {
                vehicle.Discharge![off.Slot].SetBounds(0, 0);
                vehicle.Charge[off.Slot].SetUb(vehicle.Vehicle.Charge.MaxKw);
                restored++;
                continue;
            }

            var room = RoomAfter(vehicle, after.Vehicles[off.Vehicle], ChargeDirection.Charge);
            var gain = vehicle.Vehicle.Charge.MinKw * vehicle.SlotHours * vehicle.Vehicle.ChargeEfficiency;
            if (room[off.Slot] >= gain)
            {
                vehicle.Charge[off.Slot].SetBounds(vehicle.Vehicle.Charge.MinKw, vehicle.Vehicle.Charge.MaxKw);
                vehicle.Discharge?[off.Slot].SetUb(0);
                restored++;
            }
        }

        switchedOff.Clear();
        return restored;
    }

    private static int Round(PlanModel model, Solution solution, ChargeDirection direction, List<Candidate> candidates, double[] added, double[]?[] room, List<SwitchedOff> switchedOff, bool holdPeak)
    {
        // Keep Σ(min − p) of those switched on close to Σ p of those switched off.
        // At the peak, cars that could not catch up later go first and stay on; the others are only
        // switched on as far as those switched off make up for it.
        var balance = 0.0;
        var order = holdPeak
            ? candidates.OrderBy(c => CanCatchUp(model.Vehicles[c.Vehicle], solution.Vehicles[c.Vehicle], c)).ThenByDescending(c => c.Power)
            : candidates.OrderByDescending(c => c.Power);
        foreach (var c in order.ThenBy(c => c.Vehicle))
        {
            var vehicle = model.Vehicles[c.Vehicle];
            room[c.Vehicle] ??= RoomAfter(vehicle, solution.Vehicles[c.Vehicle], direction);
            var v = vehicle.Vehicle;
            var delta = (c.Minimum - c.Power) * vehicle.SlotHours * (direction == ChargeDirection.Charge ? v.ChargeEfficiency : 1 / v.DischargeEfficiency);
            var balanced = holdPeak
                ? balance + (c.Minimum - c.Power) <= Tolerance || !CanCatchUp(vehicle, solution.Vehicles[c.Vehicle], c)
                : Math.Abs(balance + (c.Minimum - c.Power)) <= Math.Abs(balance - c.Power);
            var on = balanced && added[c.Vehicle] + delta <= room[c.Vehicle]![c.Slot];
            if (on)
            {
                balance += c.Minimum - c.Power;
                added[c.Vehicle] += delta;
            }
            else
            {
                balance -= c.Power;
            }

            if (on == (direction == ChargeDirection.Discharge))
            {
                // Either way the car ends up with less energy than the LP gave it.
                switchedOff.Add(new SwitchedOff(c.Vehicle, c.Slot, direction));
            }

            Freeze(vehicle, c.Slot, direction, on);
        }

        return candidates.Count;
    }

    /// <summary>
    /// A charge switched off can be made up later: the car's later slots in the horizon have that much
    /// headroom to full power.
    /// </summary>
    private static bool CanCatchUp(VehicleVariables vehicle, VehicleValues values, Candidate c)
    {
        if (vehicle.Shortfall is null)
        {
            return true;
        }

        var headroom = 0.0;
        for (var j = c.Slot + 1; j < vehicle.Count; j++)
        {
            headroom += vehicle.Vehicle.Charge.MaxKw - values.Charge[j];
        }

        return headroom >= c.Power - Tolerance;
    }

    public static bool IsFractional(double power, double minimum) => minimum > Tolerance && power > Tolerance && power < minimum - Tolerance;

    private static double Power(VehicleValues values, int j, ChargeDirection direction) =>
        direction == ChargeDirection.Charge ? values.Charge[j] : values.Discharge[j];

    private static double Minimum(VehicleVariables vehicle, ChargeDirection direction) =>
        direction == ChargeDirection.Charge ? vehicle.Vehicle.Charge.MinKw : vehicle.Vehicle.Discharge.MinKw;

    /// <summary>Energy a slot's extra charge (or discharge) can add (or take) before a later slot hits capacity (or floor).</summary>
    private static double[] RoomAfter(VehicleVariables vehicle, VehicleValues values, ChargeDirection direction)
    {
        var v = vehicle.Vehicle;
        var room = new double[vehicle.Count];
        var charging = direction == ChargeDirection.Charge;
        // A discharge may not take the car below its target at departure either: the LP would have to
        // buy that energy back later, and near departure it cannot, at the steep shortfall penalty.
        var least = direction == ChargeDirection.Discharge && vehicle.Shortfall is not null
            ? Math.Max(0, values.Energy[vehicle.Count - 1] - vehicle.TargetKwh)
            : double.PositiveInfinity;
        for (var j = vehicle.Count - 1; j >= 0; j--)
        {
            var here = charging ? v.CapacityKwh - values.Energy[j] : values.Energy[j] - v.FloorKwh;
            least = Math.Min(least, here);
            room[j] = least;
        }

        return room;
    }

    /// <summary>Fixes a power on its side: at least the minimum (and the other direction off), or 0.</summary>
    private static void Freeze(VehicleVariables vehicle, int j, ChargeDirection direction, bool on)
    {
        var (variable, opposite, minimum) = direction == ChargeDirection.Charge
            ? (vehicle.Charge[j], vehicle.Discharge?[j], vehicle.Vehicle.Charge.MinKw)
            : (vehicle.Discharge![j], vehicle.Charge[j], vehicle.Vehicle.Discharge.MinKw);
        if (on)
        {
            variable.SetLb(minimum);
            opposite?.SetUb(0);
        }
        else
        {
            variable.SetUb(0);
        }
    }

    private readonly record struct Candidate(int Vehicle, int Slot, double Power, double Minimum);
}

using GridEdge.Control.Allocation;
using Xunit;

namespace GridEdge.Control.Tests;

public sealed class FairShareAllocatorTests
{
    private static ShareRequest Request(double demand, double min = 0, int priority = 0, bool running = false, params double[] usage) =>
        new(demand, min, priority, running, usage.Length == 0 ? [1.0] : usage);

    [Fact]
    public void Equal_priorities_share_equally_until_satisfied()
    {
        var allocation = new double[3];
        FairShareAllocator.Allocate([30], [Request(5), Request(20), Request(20)], allocation);

        Assert.Equal([5, 12.5, 12.5], allocation, new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Higher_priority_is_served_first()
    {
        var allocation = new double[2];
        FairShareAllocator.Allocate([20], [Request(16, priority: 0), Request(16, priority: 5)], allocation);

        Assert.Equal(4, allocation[0], 9);
        Assert.Equal(16, allocation[1], 9);
    }

    [Fact]
    public void Consumer_below_its_minimum_gets_nothing_and_its_share_goes_to_the_others()
    {
        var allocation = new double[3];
        FairShareAllocator.Allocate([15], [Request(16, 6), Request(16, 6), Request(16, 6)], allocation);

        // 5 A each is below 6 A: the last one is dropped, the other two get 7.5 A.
        Assert.Equal([7.5, 7.5, 0], allocation, new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Running_consumers_are_kept_before_new_ones()
    {
        var allocation = new double[2];
        FairShareAllocator.Allocate([10], [Request(16, 6, running: false), Request(16, 6, running: true)], allocation);

        Assert.Equal(0, allocation[0]);
        Assert.Equal(10, allocation[1], 9);
    }

    [Fact]
    public void Each_phase_limits_only_the_consumers_on_it()
    {
        // Resources: L1, L2, L3. A three-phase consumer and a single-phase one on L2.
        var allocation = new double[2];
        var remaining = FairShareAllocator.Allocate(
            [20, 10, 20],
            [Request(16, 0, 0, false, 1, 1, 1), Request(16, 0, 0, false, 0, 1, 0)],
            allocation);

        Assert.Equal(5, allocation[0], 9);
        Assert.Equal(5, allocation[1], 9);
        Assert.Equal(0, remaining[1], 9);
        Assert.Equal(15, remaining[0], 9);
    }

    [Fact]
    public void Overdrawn_resource_gives_nothing_and_reports_the_deficit()
    {
        var allocation = new double[1];
        var remaining = FairShareAllocator.Allocate([-3], [Request(16)], allocation);

        Assert.Equal(0, allocation[0]);
        Assert.Equal(-3, remaining[0]);
    }

    [Fact]
    public void Total_power_limit_binds_across_phases()
    {
        // Two three-phase consumers, 690 W per ampere, 11 kW total, fuse not binding.
        var allocation = new double[2];
        FairShareAllocator.Allocate(
            [32, 32, 32, 11_000],
            [Request(16, 6, 0, false, 1, 1, 1, 690), Request(16, 6, 0, false, 1, 1, 1, 690)],
            allocation);

        Assert.Equal(11_000 / 690.0 / 2, allocation[0], 6);
        Assert.Equal(allocation[0], allocation[1], 9);
    }

    [Fact]
    public void Headroom_is_the_tightest_resource_the_consumer_uses()
    {
        var request = Request(16, 0, 0, false, 1, 0, 0, 230);
        Assert.Equal(2, FairShareAllocator.Headroom(request, [2, 100, 0, 10_000]), 9);
        Assert.Equal(0, FairShareAllocator.Headroom(request, [-5, 100, 0, 10_000]), 9);
    }

    [Fact]
    public void Random_cases_never_exceed_capacity_and_respect_minimums()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 2000; trial++)
        {
            var count = random.Next(1, 20);
            var requests = new ShareRequest[count];
            for (var i = 0; i < count; i++)
            {
                var threePhase = random.Next(2) == 0;
                var phase = random.Next(3);
                double[] usage = threePhase ? [1, 1, 1, 690] : [phase == 0 ? 1 : 0, phase == 1 ? 1 : 0, phase == 2 ? 1 : 0, 230];
                requests[i] = new ShareRequest(random.Next(0, 33), 6, random.Next(3), random.Next(2) == 0, usage);
            }

            double[] capacity = [random.Next(-5, 64), random.Next(-5, 64), random.Next(-5, 64), random.Next(0, 40_000)];
            var allocation = new double[count];
            FairShareAllocator.Allocate(capacity, requests, allocation);

            for (var r = 0; r < capacity.Length; r++)
            {
                var used = Enumerable.Range(0, count).Sum(i => allocation[i] * requests[i].Usage[r]);
                Assert.True(used <= Math.Max(0, capacity[r]) + 1e-6, $"trial {trial}: resource {r} used {used} > {capacity[r]}");
            }

            for (var i = 0; i < count; i++)
            {
                Assert.True(allocation[i] == 0 || (allocation[i] >= 6 - 1e-9 && allocation[i] <= requests[i].Demand + 1e-9),
                    $"trial {trial}: request {i} got {allocation[i]} of demand {requests[i].Demand}");
            }
        }
    }
}

using Microsoft.Extensions.Time.Testing;

namespace GridEdge.Telemetry.Tests;

internal static class FakeTime
{
    /// <summary>
    /// Advances <paramref name="time"/> in <paramref name="step"/>s (yielding real time in between so
    /// that continuations run) until <paramref name="task"/> completes; fails after <paramref name="maxFake"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, TimeSpan maxFake)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            await Task.Delay(2, TestCancellation);
            if (task.IsCompleted)
            {
                break;
            }

            if (advanced > maxFake)
            {
                throw new TimeoutException($"not done after {advanced} of fake time");
            }

            time.Advance(step);
            advanced += step;
        }

        return await task;
    }

    public static async Task RunAsync(this FakeTimeProvider time, Task task, TimeSpan step, TimeSpan maxFake) =>
        await time.RunAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), step, maxFake);

    private static CancellationToken TestCancellation => Xunit.TestContext.Current.CancellationToken;
}

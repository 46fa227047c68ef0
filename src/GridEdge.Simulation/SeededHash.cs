namespace GridEdge.Simulation;

/// <summary>
/// Counter-based random numbers: the same seed, stream and index always give the same value, in
/// whatever order or step size they are asked for, so a simulated day does not depend on how often
/// the simulation is advanced.
/// </summary>
internal readonly struct SeededHash(int seed)
{
    /// <summary>A uniform number in [0, 1) for one (stream, index, draw).</summary>
    public double Uniform(int stream, long index, int draw = 0)
    {
        var x = Mix((ulong)(uint)seed);
        x = Mix(x ^ (((ulong)(uint)stream << 32) | (uint)draw));
        x = Mix(x ^ unchecked((ulong)index));
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    // SplitMix64 finaliser.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

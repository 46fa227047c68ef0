namespace GridEdge.Host.Hosting;

/// <summary>Options of `gridedge run` that the hosted services need.</summary>
internal sealed record RunOptions(TimeSpan? Duration);

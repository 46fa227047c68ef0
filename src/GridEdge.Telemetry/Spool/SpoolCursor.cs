namespace GridEdge.Telemetry.Spool;

/// <summary>A read position in the spool: the next sequence to hand out and where its record starts.</summary>
internal sealed class SpoolCursor
{
    /// <summary>The next record to read.</summary>
    public long Sequence { get; set; }

    /// <summary>First sequence of the segment <see cref="Offset"/> belongs to; −1 = at the start of the segment holding <see cref="Sequence"/>.</summary>
    public long Segment { get; set; } = -1;

    public long Offset { get; set; }

    public void MoveTo(SpoolCursor other)
    {
        Sequence = other.Sequence;
        Segment = other.Segment;
        Offset = other.Offset;
    }

    /// <summary>To the start of the segment that begins at <paramref name="firstSequence"/>.</summary>
    public void MoveToSegmentStart(long firstSequence)
    {
        Sequence = firstSequence;
        Segment = -1;
        Offset = 0;
    }
}

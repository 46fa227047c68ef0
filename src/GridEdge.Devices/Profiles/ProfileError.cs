namespace GridEdge.Devices.Profiles;

/// <summary>One problem in a profile file, located as `FILE:LINE:COL: KEY.PATH: message`.</summary>
public sealed record ProfileError(string File, int Line, int Column, string Key, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Key}: {Message}";
}

namespace GridEdge.Devices.Profiles;

/// <summary>A profile file (or a whole directory of them) that could not be loaded; every error is listed.</summary>
public sealed class DeviceProfileException : Exception
{
    public DeviceProfileException(IReadOnlyList<ProfileError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public DeviceProfileException()
    {
        Errors = [];
    }

    public DeviceProfileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DeviceProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ProfileError> Errors { get; }
}

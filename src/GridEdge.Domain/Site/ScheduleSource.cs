namespace GridEdge.Domain.Site;

/// <summary>
/// Where a price or forecast schedule comes from (<c>planning.prices</c>, <c>planning.forecast</c>):
/// the text is the same CSV whichever way it arrives. Credentials never live here.
/// </summary>
public abstract record ScheduleSource;

/// <summary>A file, read again whenever it changes; <see cref="Path"/> as written in the site file (relative to its folder).</summary>
public sealed record FileScheduleSource(string Path) : ScheduleSource;

/// <summary>
/// An HTTP(S) GET every <see cref="Refresh"/>, retried sooner after a failure, each request bounded by
/// <see cref="Timeout"/>. Request headers (tokens) come from <see cref="CredentialsFile"/> or the environment.
/// </summary>
public sealed record UrlScheduleSource(Uri Url, TimeSpan Refresh, TimeSpan Timeout, string? CredentialsFile) : ScheduleSource;

/// <summary>The payloads of one MQTT topic (retained ones too) on the broker with id <see cref="Broker"/>.</summary>
public sealed record MqttScheduleSource(string Topic, string Broker) : ScheduleSource;

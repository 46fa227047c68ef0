using System.Diagnostics.CodeAnalysis;

namespace GridEdge.Host.Configuration;

/// <summary>The outcome of loading a site file: the configuration, or every error found in it.</summary>
public sealed class ConfigLoadResult
{
    private ConfigLoadResult(SiteConfiguration? configuration, IReadOnlyList<ConfigError> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    /// <summary>The loaded configuration; null when <see cref="Errors"/> is not empty.</summary>
    public SiteConfiguration? Configuration { get; }

    /// <summary>All errors of the file, ordered by line and column.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Configuration))]
    public bool Succeeded => Configuration is not null;

    public static ConfigLoadResult Success(SiteConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(configuration, []);
    }

    public static ConfigLoadResult Failure(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed load has at least one error.", nameof(errors));
        }

        return new(null, errors);
    }
}

namespace GridEdge.Devices.Profiles;

/// <summary>
/// The profiles of a directory (firmware-config/devices/): loaded once, base profiles first for
/// `extends:`, every file's errors reported together.
/// </summary>
public sealed class DeviceProfiles
{
    private readonly Dictionary<string, DeviceProfile> _profiles;

    private DeviceProfiles(Dictionary<string, DeviceProfile> profiles)
    {
        _profiles = profiles;
    }

    public IReadOnlyCollection<string> Names => _profiles.Keys;

    public IEnumerable<DeviceProfile> All => _profiles.Values;

    /// <summary>Loads every *.yaml in <paramref name="directory"/>; throws <see cref="DeviceProfileException"/> with all errors.</summary>
    public static DeviceProfiles Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var loaded = new Dictionary<string, DeviceProfile>(StringComparer.Ordinal);
        var errors = new List<ProfileError>();
        var loading = new HashSet<string>(StringComparer.Ordinal);

        DeviceProfile? LoadOne(string name)
        {
            if (loaded.TryGetValue(name, out var done))
            {
                return done;
            }

            // A missing file or an `extends:` cycle resolves to null; the loader reports it at the key.
            if (!files.TryGetValue(name, out var path) || !loading.Add(name))
            {
                return null;
            }

            try
            {
                return loaded[name] = DeviceProfileLoader.Load(path, LoadOne);
            }
            catch (DeviceProfileException ex)
            {
                errors.AddRange(ex.Errors);
                return null;
            }
        }

        foreach (var name in files.Keys)
        {
            LoadOne(name);
        }

        return errors.Count > 0 ? throw new DeviceProfileException(errors.Distinct().ToList()) : new DeviceProfiles(loaded);
    }

    /// <summary>The profile named <paramref name="name"/> (file name without extension).</summary>
    public DeviceProfile Get(string name) => _profiles.TryGetValue(name, out var profile)
        ? profile
        : throw new KeyNotFoundException($"no device profile '{name}' (known: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))})");

    public bool TryGet(string name, out DeviceProfile profile) => _profiles.TryGetValue(name, out profile!);
}

using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Key paths of a site file. The display path names one node (<c>chargers[2].mode</c>); the schema
/// path names the key set it belongs to (<c>chargers[].mode</c>) as in <see cref="SiteFileKeys"/>.
/// The root is the empty string.
/// </summary>
internal static class ConfigPath
{
    /// <summary>Shown for errors about the whole document.</summary>
    public const string RootDisplay = "(root)";

    /// <summary>Shown for YAML syntax errors, which have no key path.</summary>
    public const string SyntaxDisplay = "(yaml)";

    /// <summary>Shown when the file itself cannot be read.</summary>
    public const string FileDisplay = "(file)";

    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    public static string SchemaItem(string parent) => parent + "[]";

    public static string Display(string path) => path.Length == 0 ? RootDisplay : path;
}

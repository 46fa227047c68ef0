using System.Globalization;
using System.IO.Ports;

namespace GridEdge.Modbus;

/// <summary>
/// A bus address as CLI.md writes it: <c>tcp://HOST:PORT</c>, <c>rtutcp://HOST:PORT</c> (port
/// default 502) or <c>rtu:///dev/NAME?baud=9600&amp;parity=N&amp;stop=1&amp;data=8</c>.
/// </summary>
public sealed record ModbusEndpoint(ModbusTransportKind Kind, string Host, int Port, SerialSettings? Serial)
{
    public const int DefaultPort = 502;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ModbusEndpoint Parse(string text)
    {
        if (text.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return Network(ModbusTransportKind.Tcp, text, text["tcp://".Length..]);
        }

        if (text.StartsWith("rtutcp://", StringComparison.Ordinal))
        {
            return Network(ModbusTransportKind.RtuOverTcp, text, text["rtutcp://".Length..]);
        }

        if (text.StartsWith("rtu://", StringComparison.Ordinal))
        {
            return new ModbusEndpoint(ModbusTransportKind.Rtu, "", 0, SerialLine(text, text["rtu://".Length..]));
        }

        throw new FormatException($"'{text}' is not a Modbus endpoint (tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/NAME?baud=…)");
    }

    public override string ToString() => Kind switch
    {
        ModbusTransportKind.Tcp => $"tcp://{HostText}:{Port}",
        ModbusTransportKind.RtuOverTcp => $"rtutcp://{HostText}:{Port}",
        _ => string.Create(CultureInfo.InvariantCulture, $"rtu://{Serial!.Device}?baud={Serial.Baud}&parity={Serial.Parity.ToString()[0]}&stop={(Serial.StopBits == StopBits.Two ? 2 : 1)}&data={Serial.DataBits}"),
    };

    private string HostText => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    private static ModbusEndpoint Network(ModbusTransportKind kind, string text, string authority)
    {
        string host;
        var port = DefaultPort.ToString(CultureInfo.InvariantCulture);
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? "" : authority[1..close];
            if (close >= 0 && authority.Length > close + 1)
            {
                port = authority[(close + 1)..].TrimStart(':');
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? port : authority[(colon + 1)..];
        }

        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new FormatException($"'{text}' has no valid host");
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' has an invalid port '{port}' (1–65535)");
        }

        return new ModbusEndpoint(kind, host, number, null);
    }

    private static SerialSettings SerialLine(string text, string rest)
    {
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var device = question < 0 ? rest : rest[..question];
        if (device.Length == 0 || !device.StartsWith('/'))
        {
            throw new FormatException($"'{text}' does not name a serial device such as /dev/ttyUSB0");
        }

        var settings = new SerialSettings(device);
        var query = question < 0 ? "" : rest[(question + 1)..];
        foreach (var parameter in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = parameter.Split('=', 2);
            var value = pair.Length == 2 ? pair[1] : "";
            settings = pair[0] switch
            {
                "baud" => settings with { Baud = Number(text, "baud", value, 50, 4_000_000) },
                "parity" => settings with { Parity = value switch { "N" => Parity.None, "E" => Parity.Even, "O" => Parity.Odd, _ => throw Bad(text, "parity", value, "N, E, O") } },
                "stop" => settings with { StopBits = value switch { "1" => StopBits.One, "2" => StopBits.Two, _ => throw Bad(text, "stop", value, "1, 2") } },
                "data" => settings with { DataBits = Number(text, "data", value, 7, 8) },
                _ => throw new FormatException($"unknown parameter '{pair[0]}' in '{text}' (allowed: baud, parity, stop, data)"),
            };
        }

        return settings;
    }

    private static int Number(string text, string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Bad(text, name, value, $"{min}–{max}");

    private static FormatException Bad(string text, string name, string value, string allowed) =>
        new($"{name} '{value}' in '{text}' is not allowed ({allowed})");
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reseller.AppHost.Publishing;

/// <summary>
/// Writes manifests as block YAML: maps in insertion order, lists, strings (plain when unambiguous, else JSON-quoted,
/// which YAML reads as a double-quoted scalar), numbers and booleans. Null entries are left out.
/// </summary>
public static partial class YamlWriter
{
    // JSON's escapes are YAML's double-quoted ones; relaxed, so that only what must be escaped is.
    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    };

    public static string Documents(IEnumerable<Manifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        return string.Join("---\n", manifests.Select(manifest => Document(manifest)));
    }

    public static string Document(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = new StringBuilder();
        WriteMap(text, manifest, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> map, int indent)
    {
        foreach ((var key, var value) in map.Where(entry => entry.Value is not null))
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            WriteValue(text, value!, indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case RawYaml raw:
                text.Append('\n');
                foreach (var line in raw.Text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
                {
                    text.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                }

                break;
            case Manifest { Count: 0 }:
                text.Append(" {}\n");
                break;
            case Manifest map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case string or bool or int or long or double:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
            case System.Collections.IEnumerable items:
                var list = items.Cast<object>().ToList();
                if (list.Count == 0)
                {
                    text.Append(" []\n");
                    break;
                }

                text.Append('\n');
                WriteList(text, list, indent);
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} as YAML", nameof(value));
        }
    }

    private static void WriteList(StringBuilder text, List<object> items, int indent)
    {
        foreach (var item in items)
        {
            text.Append(' ', indent).Append('-');
            if (item is Manifest { Count: > 0 } map)
            {
                var entries = map.Where(entry => entry.Value is not null).ToList();
                text.Append(' ').Append(Scalar(entries[0].Key)).Append(':');
                WriteValue(text, entries[0].Value!, indent + 2);
                WriteMap(text, entries.Skip(1), indent + 2);
            }
            else
            {
                WriteValue(text, item, indent);
            }
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        string text when IsPlain(text) => text,
        string text => JsonSerializer.Serialize(text, Quoted),
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} as a YAML scalar", nameof(value)),
    };

    private static bool IsPlain(string text) =>
        PlainText().IsMatch(text) && !text.EndsWith(':') && !Reserved.Contains(text) && !LooksNumeric().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z_/.$(][A-Za-z0-9_./:$()=@+-]*$")]
    private static partial Regex PlainText();

    [GeneratedRegex(@"^[-+.0-9]|^0[xob]|^\.(inf|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}

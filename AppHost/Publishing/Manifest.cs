namespace Reseller.AppHost.Publishing;

/// <summary>A YAML map in the order its keys were added: a whole Kubernetes object, or any map inside one.</summary>
public sealed class Manifest : OrderedDictionary<string, object?>
{
    public Manifest()
        : base(StringComparer.Ordinal)
    {
    }

    public string Kind => (string)this["kind"]!;

    public string Name => (string)((Manifest)this["metadata"]!)["name"]!;

    public static Manifest Of(params (string Key, object? Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Manifest();
        foreach ((var key, var value) in entries)
        {
            map.Add(key, value);
        }

        return map;
    }

    public static Manifest Resource(string apiVersion, string kind, Manifest metadata, params (string Key, object? Value)[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var map = Of(("apiVersion", apiVersion), ("kind", kind), ("metadata", metadata));
        foreach ((var key, var value) in body)
        {
            map.Add(key, value);
        }

        return map;
    }
}

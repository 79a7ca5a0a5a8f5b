using System.Text.Json;

namespace Reseller.Contracts.Catalog;

/// <summary>Loads the catalog data file that ships beside each service that prices or validates plans.</summary>
public static class CatalogFile
{
    public const string FileName = "catalog.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static ProductCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ProductCatalog>(stream, Options)
            ?? throw new InvalidDataException($"The catalog file {path} is empty.");
    }

    public static ProductCatalog LoadFromBaseDirectory() => Load(Path.Combine(AppContext.BaseDirectory, FileName));
}

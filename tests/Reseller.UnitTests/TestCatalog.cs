using Reseller.Contracts.Catalog;

namespace Reseller.UnitTests;

/// <summary>The real catalog data file, as the services load it.</summary>
public static class TestCatalog
{
    public static readonly ProductCatalog Default = CatalogFile.LoadFromBaseDirectory();
}

namespace Reseller.WebTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class WebUnderTest : ICollectionFixture<WebSystem>
{
    public const string Name = "web";
}

namespace Reseller.EndToEndTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SystemUnderTest : ICollectionFixture<ResellerSystem>
{
    public const string Name = "system";
}

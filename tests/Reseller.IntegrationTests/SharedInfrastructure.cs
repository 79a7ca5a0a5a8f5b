namespace Reseller.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class SharedInfrastructure : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "infrastructure";
}

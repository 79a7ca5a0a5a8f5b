using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// A collection whose test classes (or their class fixtures) take a shared fixture in their constructor gets it as if it were
/// its own collection fixture, but gives it back instead of disposing it when the collection ends.
/// </summary>
internal sealed class AssemblyFixtureCollectionRunner(
    SharedFixtures fixtures,
    IReadOnlyList<Type> wanted,
    ITestCollection testCollection,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageBus messageBus,
    ITestCaseOrderer testCaseOrderer,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource)
    : XunitTestCollectionRunner(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
{
    private readonly List<Type> lent = [];

    protected override async Task AfterTestCollectionStartingAsync()
    {
        await base.AfterTestCollectionStartingAsync();
        foreach (var type in wanted.Where(type => !CollectionFixtureMappings.ContainsKey(type)))
        {
            await Aggregator.RunAsync(async () =>
            {
                CollectionFixtureMappings[type] = await fixtures.GetAsync(type);
                lent.Add(type);
            });
        }
    }

    protected override Task BeforeTestCollectionFinishedAsync()
    {
        foreach (var type in lent)
        {
            CollectionFixtureMappings.Remove(type);
        }
        return base.BeforeTestCollectionFinishedAsync();
    }
}

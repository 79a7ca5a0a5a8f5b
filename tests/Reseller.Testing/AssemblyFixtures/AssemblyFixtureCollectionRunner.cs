using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// A collection whose test classes take a shared fixture in their constructor gets it as if it were its own collection
/// fixture, but gives it back instead of disposing it when the collection ends.
/// </summary>
internal sealed class AssemblyFixtureCollectionRunner(
    SharedFixtures fixtures,
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
        var wanted = TestCases
            .Select(testCase => testCase.TestMethod.TestClass.Class.ToRuntimeType())
            .Distinct()
            .SelectMany(SharedFixtures.ConstructorParameterTypes)
            .Where(type => fixtures.Declares(type) && !CollectionFixtureMappings.ContainsKey(type))
            .Distinct();
        foreach (var type in wanted)
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

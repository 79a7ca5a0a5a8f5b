using System.Reflection;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Runs the assembly's collections as xUnit does, handing each the shared fixtures it needs, and disposes each fixture once
/// the last collection that needs it is done. The collections on a shared fixture only lone collections need (a system of
/// their own) run last, so every other shared fixture is disposed before it starts; such a fixture is created when first
/// asked for, not ahead: started beside the other lone collections, it slowed them by more than it saved (end-to-end group
/// 4m57 against 4m21 alone on this machine). The collections marked <see cref="RunsAloneAttribute.Last"/> run last too.
/// When the last collection with a class marked <see cref="LoadsTheMachineAttribute"/> is done, the shared fixtures hear it.
/// </summary>
internal sealed class AssemblyFixtureAssemblyRunner : XunitTestAssemblyRunner
{
    private readonly SharedFixtures fixtures;
    private readonly CollectionGate gate;
    private readonly Dictionary<Guid, CollectionNeeds> needsOf = [];
    private readonly Dictionary<Type, int> collectionsToRun = [];
    private readonly HashSet<Type> neededOnlyAlone = [];
    private readonly Lock counting = new();
    private int heavyCollectionsToRun;

    public AssemblyFixtureAssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        var assembly = ((IReflectionAssemblyInfo)testAssembly.Assembly).Assembly;
        fixtures = new SharedFixtures(assembly.GetCustomAttributes<AssemblyFixtureAttribute>().Select(a => a.FixtureType));
        var neededBySideBySide = new HashSet<Type>();
        var sideBySideCollections = 0;
        foreach (var collection in TestCases.GroupBy(testCase => testCase.TestMethod.TestClass.TestCollection.UniqueID))
        {
            var classes = collection.Select(testCase => testCase.TestMethod.TestClass.Class.ToRuntimeType()).Distinct().ToList();
            var alone = classes.Select(type => type.GetCustomAttribute<RunsAloneAttribute>(inherit: false)).OfType<RunsAloneAttribute>().ToList();
            var needs = new CollectionNeeds(
                [.. classes.SelectMany(SharedFixtures.ConstructorParameterTypes).Where(fixtures.Declares).Distinct()],
                alone.Count > 0,
                alone.Any(attribute => attribute.Last),
                classes.Any(type => type.IsDefined(typeof(LoadsTheMachineAttribute), inherit: false)));
            needsOf[collection.Key] = needs;
            heavyCollectionsToRun += needs.LoadsTheMachine ? 1 : 0;
            sideBySideCollections += !needs.Alone && needs.Fixtures.Count > 0 ? 1 : 0;
            foreach (var type in needs.Fixtures)
            {
                collectionsToRun[type] = collectionsToRun.GetValueOrDefault(type) + 1;
                (needs.Alone ? neededOnlyAlone : neededBySideBySide).Add(type);
            }
        }
        neededOnlyAlone.ExceptWith(neededBySideBySide);
        var aloneFirst = needsOf.Values.Count(needs => needs.Alone && !RunsLast(needs));
        // Collections run one after another (parallelizeTestCollections false): none runs beside a lone one, and one that
        // waited for the side-by-side collections still to come would wait for ever.
        var parallel = !executionOptions.DisableParallelizationOrDefault();
        gate = new CollectionGate(
            assembly.GetCustomAttribute<SideBySideLimitAttribute>()?.Collections ?? CollectionGate.Unlimited,
            parallel ? aloneFirst : 0, parallel ? sideBySideCollections : 0);
        if (heavyCollectionsToRun == 0)
        {
            fixtures.HeavyClassesDone();
        }
    }

    protected override async Task<RunSummary> RunTestCollectionAsync(
        IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
    {
        var needs = needsOf[testCollection.UniqueID];
        RunSummary summary;
        // Only collections on a shared fixture take a seat: one with a system of its own never disturbs a test that runs alone.
        await using (var seat = needs.Fixtures.Count > 0 || needs.Alone
            ? await gate.EnterAsync(needs.Alone, last: RunsLast(needs))
            : null)
        {
            summary = await new AssemblyFixtureCollectionRunner(
                fixtures, needs.Fixtures, testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource)
                .RunAsync();
        }
        if (needs.LoadsTheMachine && Interlocked.Decrement(ref heavyCollectionsToRun) == 0)
        {
            fixtures.HeavyClassesDone();
        }
        foreach (var type in needs.Fixtures)
        {
            if (LastToRun(type))
            {
                await Aggregator.RunAsync(() => fixtures.ReleaseAsync(type));
            }
        }
        return summary;
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        await Aggregator.RunAsync(async () => await fixtures.DisposeAsync());
        await base.BeforeTestAssemblyFinishedAsync();
    }

    private bool RunsLast(CollectionNeeds needs) => needs.Alone && (needs.Last || needs.Fixtures.Any(neededOnlyAlone.Contains));

    private bool LastToRun(Type fixture)
    {
        lock (counting)
        {
            return --collectionsToRun[fixture] == 0;
        }
    }

    /// <summary>
    /// The shared fixtures a collection's classes ask for, whether one of them must run alone, whether after every other, and
    /// whether one loads the machine.
    /// </summary>
    private sealed record CollectionNeeds(IReadOnlyList<Type> Fixtures, bool Alone, bool Last, bool LoadsTheMachine);
}

using System.Reflection;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>Runs the assembly's collections as xUnit does, handing each the shared fixtures, and disposes them at the end.</summary>
internal sealed class AssemblyFixtureAssemblyRunner(
    ITestAssembly testAssembly,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageSink executionMessageSink,
    ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    private readonly SharedFixtures fixtures = new(
        ((IReflectionAssemblyInfo)testAssembly.Assembly).Assembly.GetCustomAttributes<AssemblyFixtureAttribute>().Select(a => a.FixtureType));

    private readonly CollectionGate gate = new(
        ((IReflectionAssemblyInfo)testAssembly.Assembly).Assembly.GetCustomAttribute<SideBySideLimitAttribute>()?.Collections ?? CollectionGate.Unlimited);

    protected override async Task<RunSummary> RunTestCollectionAsync(
        IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
    {
        var cases = testCases.ToList();
        var classes = cases.Select(testCase => testCase.TestMethod.TestClass.Class.ToRuntimeType()).Distinct().ToList();
        // Only collections on a shared fixture take a seat: one with a system of its own never disturbs a test that runs alone.
        var shares = classes.SelectMany(SharedFixtures.ConstructorParameterTypes).Any(fixtures.Declares);
        var alone = classes.Any(type => type.IsDefined(typeof(RunsAloneAttribute), inherit: false));
        await using var seat = shares || alone ? await gate.EnterAsync(alone) : null;
        return await new AssemblyFixtureCollectionRunner(
            fixtures, testCollection, cases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource)
            .RunAsync();
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        await Aggregator.RunAsync(async () => await fixtures.DisposeAsync());
        await base.BeforeTestAssemblyFinishedAsync();
    }
}

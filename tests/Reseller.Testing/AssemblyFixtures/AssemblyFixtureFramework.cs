using System.Reflection;

using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// xUnit's own framework plus assembly fixtures (<see cref="AssemblyFixtureAttribute"/>), which let test classes in
/// different collections, and so running in parallel, share one expensive fixture such as a whole running system.
/// Use with <c>[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]</c>.
/// </summary>
public sealed class AssemblyFixtureFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "Reseller.Testing.AssemblyFixtures.AssemblyFixtureFramework";
    public const string AssemblyName = "Reseller.Testing";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyFixtureAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }
}

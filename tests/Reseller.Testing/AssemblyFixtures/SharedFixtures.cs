using System.Collections.Concurrent;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>The assembly's shared fixtures: each created once, when a collection first needs it; all disposed at the end.</summary>
internal sealed class SharedFixtures(IEnumerable<Type> declared) : IAsyncDisposable
{
    private readonly HashSet<Type> declared = [.. declared];
    private readonly ConcurrentDictionary<Type, Lazy<Task<object>>> created = new();

    public bool Declares(Type type) => declared.Contains(type);

    /// <summary>What a test class asks for in its constructors: where xUnit hands it its fixtures.</summary>
    public static IEnumerable<Type> ConstructorParameterTypes(Type testClass) =>
        testClass.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType);

    public Task<object> GetAsync(Type type) =>
        created.GetOrAdd(type, t => new Lazy<Task<object>>(() => CreateAsync(t))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in created.Values)
        {
            object fixture;
            try
            {
                fixture = await lazy.Value;
            }
            catch (Exception)
            {
                continue; // It never started; the tests that needed it have already failed with the reason.
            }
            if (fixture is IAsyncLifetime lifetime)
            {
                await lifetime.DisposeAsync();
            }
            else if (fixture is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            (fixture as IDisposable)?.Dispose();
        }
    }

    private static async Task<object> CreateAsync(Type type)
    {
        var fixture = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"The assembly fixture {type} could not be created.");
        if (fixture is IAsyncLifetime lifetime)
        {
            await lifetime.InitializeAsync();
        }
        return fixture;
    }
}

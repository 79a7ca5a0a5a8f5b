using System.Collections.Concurrent;

namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// The assembly's shared fixtures: each created once, when a collection first needs it, and disposed once the last collection that needs it is done, or at the end.
/// Those that listen hear once when the classes that load the machine are done (<see cref="IHeavyClassesDoneListener"/>).
/// </summary>
internal sealed class SharedFixtures(IEnumerable<Type> declared) : IAsyncDisposable
{
    private readonly HashSet<Type> declared = [.. declared];
    private readonly ConcurrentDictionary<Type, Lazy<Task<object>>> created = new();
    private readonly Lock heavyClasses = new();
    private readonly List<IHeavyClassesDoneListener> listeners = [];
    private bool heavyClassesDone;

    public bool Declares(Type type) => declared.Contains(type);

    /// <summary>
    /// What a test class asks for in its constructors (where xUnit hands it its fixtures), and what its class fixtures ask
    /// for in theirs (xUnit hands them the collection's fixtures).
    /// </summary>
    public static IEnumerable<Type> ConstructorParameterTypes(Type testClass) =>
        ParameterTypes(testClass).Concat(ClassFixtureTypes(testClass).SelectMany(ParameterTypes));

    private static IEnumerable<Type> ParameterTypes(Type type) =>
        type.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType);

    private static IEnumerable<Type> ClassFixtureTypes(Type testClass) =>
        testClass.GetInterfaces()
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(type => type.GetGenericArguments()[0]);

    public Task<object> GetAsync(Type type) =>
        created.GetOrAdd(type, t => new Lazy<Task<object>>(() => CreateAsync(t))).Value;

    /// <summary>Tells every listening fixture, and those created later, that the classes that load the machine are done.</summary>
    public void HeavyClassesDone()
    {
        List<IHeavyClassesDoneListener> waiting;
        lock (heavyClasses)
        {
            heavyClassesDone = true;
            waiting = [.. listeners];
            listeners.Clear();
        }
        waiting.ForEach(listener => listener.HeavyClassesDone());
    }

    /// <summary>Disposes the fixture now, when no collection still to run needs it.</summary>
    public async Task ReleaseAsync(Type type)
    {
        if (created.TryRemove(type, out var lazy))
        {
            await DisposeAsync(lazy);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var type in created.Keys)
        {
            await ReleaseAsync(type);
        }
    }

    private static async Task DisposeAsync(Lazy<Task<object>> lazy)
    {
        object fixture;
        try
        {
            fixture = await lazy.Value;
        }
        catch (Exception)
        {
            return; // It never started; the tests that needed it have already failed with the reason.
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

    private async Task<object> CreateAsync(Type type)
    {
        var fixture = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"The assembly fixture {type} could not be created.");
        if (fixture is IAsyncLifetime lifetime)
        {
            await lifetime.InitializeAsync();
        }
        if (fixture is IHeavyClassesDoneListener listener)
        {
            Listen(listener);
        }
        return fixture;
    }

    private void Listen(IHeavyClassesDoneListener listener)
    {
        lock (heavyClasses)
        {
            if (!heavyClassesDone)
            {
                listeners.Add(listener);
                return;
            }
        }
        listener.HeavyClassesDone();
    }
}

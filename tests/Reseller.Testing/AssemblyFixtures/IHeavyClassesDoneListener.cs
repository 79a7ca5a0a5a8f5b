namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// A shared fixture that hears when every class marked <see cref="LoadsTheMachineAttribute"/> is done: at once when it is
/// created after that, or when the run has none. Called at most once per fixture.
/// </summary>
public interface IHeavyClassesDoneListener
{
    void HeavyClassesDone();
}

namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// A request whose field rules need one value the body does not carry (the route's credit kind, the catalog, the clock):
/// the same style as <see cref="IValidatedRequest"/>, with that value passed in.
/// </summary>
public interface IValidatedRequest<in TContext>
{
    void Validate(ValidationErrors errors, TContext context);
}

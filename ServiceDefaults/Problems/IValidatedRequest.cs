namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// A request that checks its own fields: every rule adds to the <c>errors</c> given, and the endpoint calls
/// <see cref="RequestValidation.ThrowIfInvalid{TRequest}(TRequest)"/> where the checks belong in its order (after a 404
/// lookup when an unknown resource must win), so one 400 <c>validation</c> problem lists every bad field.
/// </summary>
public interface IValidatedRequest
{
    void Validate(ValidationErrors errors);
}

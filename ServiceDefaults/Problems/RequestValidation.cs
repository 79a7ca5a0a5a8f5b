namespace Reseller.ServiceDefaults.Problems;

/// <summary>Runs a request's own checks and answers them as one 400 <c>validation</c> problem with every bad field.</summary>
public static class RequestValidation
{
    public static TRequest ThrowIfInvalid<TRequest>(this TRequest request) where TRequest : IValidatedRequest
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        return request;
    }

    public static TRequest ThrowIfInvalid<TRequest, TContext>(this TRequest request, TContext context) where TRequest : IValidatedRequest<TContext>
    {
        var errors = new ValidationErrors();
        request.Validate(errors, context);
        errors.ThrowIfAny();
        return request;
    }
}

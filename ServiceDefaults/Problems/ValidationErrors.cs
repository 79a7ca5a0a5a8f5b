namespace Reseller.ServiceDefaults.Problems;

/// <summary>Collects every bad field of a request, so one answer lists them all.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public ValidationErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public ValidationErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>The validation problem for one bad field, for the caller to throw.</summary>
    public static ProblemException Reject(string field, string message) => new ValidationErrors().Add(field, message).ToProblem();

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw ToProblem();
        }
    }

    private ProblemException ToProblem() => new(400, "validation", "The request has invalid fields.",
        "See errors for each invalid field.", errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

namespace Reseller.Testing.Stripe;

/// <summary>One request Stripe's fake received, as sent: method, path, headers that matter, form fields and raw body.</summary>
public sealed record FakeStripeRequest(string Method, string Path, string? IdempotencyKey, string? Authorization, IReadOnlyDictionary<string, string> Form, string Body);

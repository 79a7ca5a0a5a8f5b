namespace Reseller.EndToEndTests.Infrastructure;

public sealed record Partner(string Id, string Email, string Password, string Token);

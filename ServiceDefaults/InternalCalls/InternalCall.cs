namespace Reseller.ServiceDefaults.InternalCalls;

/// <summary>
/// One call to another service: the callee by its service-discovery name (also the audience of a service token), the
/// path, the credential it carries and its JSON body, if any.
/// </summary>
public sealed record InternalCall(string Service, HttpMethod Method, string Path, InternalCredentials Credentials)
{
    public object? Body { get; init; }

    /// <summary>The partner a service token acts for (it names no partner when null).</summary>
    public Guid? ActingForPartner { get; init; }

    public Uri Uri => new($"http://{Service}{Path}");

    public static InternalCall Get(string service, string path, InternalCredentials credentials) => new(service, HttpMethod.Get, path, credentials);

    public static InternalCall Post(string service, string path, object body, InternalCredentials credentials) =>
        new(service, HttpMethod.Post, path, credentials) { Body = body };
}

namespace Reseller.ServiceDefaults.InternalCalls;

/// <summary>What an internal call proves about who asks.</summary>
public enum InternalCredentials
{
    /// <summary>This service's own short token (<see cref="Auth.ServiceTokens"/>), audience the callee, naming the partner it acts for if any.</summary>
    Service,

    /// <summary>The caller's own Authorization header, for an endpoint that answers by the caller's own rights.</summary>
    Caller,

    /// <summary>None: the body is the credential (the gateway's API key exchange).</summary>
    None,
}

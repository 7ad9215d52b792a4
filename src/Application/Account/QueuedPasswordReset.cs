namespace Portal.Application.Account;

/// <summary>A "forgot your password?" request waiting to be handled, with the address of the client who sent it.</summary>
public sealed record QueuedPasswordReset(string Email, string? IpAddress);

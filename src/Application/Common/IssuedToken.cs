namespace Portal.Application.Common;

/// <summary>A random one-time token for a link, and the hash that is the only thing stored.</summary>
public sealed record IssuedToken(string Token, string Hash);

namespace Portal.Domain.Common;

/// <summary>
/// A one-time link's random token and its hash. Entities store only <see cref="Hash"/>; <see cref="Token"/> travels in
/// the domain event to the mail that carries the link and is never persisted.
/// </summary>
public sealed record IssuedToken(string Token, string Hash)
{
    /// <remarks>The token never appears in a log line, even when a logger prints an event that carries it.</remarks>
    public override string ToString() => $"{nameof(IssuedToken)} {{ Hash = {Hash} }}";
}

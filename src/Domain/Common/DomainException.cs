namespace Portal.Domain.Common;

/// <summary>
/// A business rule refused a move. <see cref="Exception.Message"/> is the English text with its limits filled in; the
/// web layer translates <see cref="Error"/> (key and arguments); <see cref="Code"/> is stable for tests and logs.
/// </summary>
public sealed class DomainException(DomainError error) : Exception(error.Text)
{
    public DomainError Error { get; } = error;
    public string Code => Error.Code;
}

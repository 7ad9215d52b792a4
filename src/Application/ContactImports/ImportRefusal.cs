using Portal.Domain.Contacts;

namespace Portal.Application.ContactImports;

/// <summary>Why a row is not imported: an English message (the localization key) with its argument, and the field it is about.</summary>
public sealed record ImportRefusal(ContactImportField? Field, string Message, params object[] Arguments);

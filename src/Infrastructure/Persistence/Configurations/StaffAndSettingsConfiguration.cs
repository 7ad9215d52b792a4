using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Activity;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;
using Portal.Domain.Settings;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("ActivityEntries");
        builder.Property(a => a.ActorName).HasMaxLength(ActivityEntry.NameMaxLength).IsRequired();
        builder.Property(a => a.SubjectName).HasMaxLength(ActivityEntry.NameMaxLength).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(ActivityEntry.DetailMaxLength);
        builder.Property(a => a.ActorKind).HasDefaultValue(ActivityActorKind.Staff).ValueGeneratedNever();
        builder.HasOne(a => a.Staff).WithMany().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.ActorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Contact).WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.SetNull);
        // The list is newest first (OccurredAt, then Id), filtered by one of these at a time; each index serves filter and order.
        builder.HasIndex(a => new { a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.ActorUserId, a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.ContactId, a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.StaffUserId, a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.Kind, a.OccurredAt, a.Id });
    }
}

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.ToTable("Settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CompanyName).HasMaxLength(PortalSettings.CompanyNameMaxLength).IsRequired();
        builder.Property(s => s.PrimaryColour).HasMaxLength(7).IsRequired();
        builder.Property(s => s.SupportEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(s => s.SupportPhone).HasMaxLength(PortalSettings.PhoneMaxLength);
        builder.Property(s => s.CreditorIdentifier).HasMaxLength(Portal.Domain.Payments.CreditorIdentifier.MaxLength);
        builder.Property(s => s.ImprintUrl).HasMaxLength(PortalSettings.UrlMaxLength);
        builder.Property(s => s.PrivacyUrl).HasMaxLength(PortalSettings.UrlMaxLength);
        builder.Property(s => s.LogoContentType).HasMaxLength(50);
        builder.Property(s => s.LogoVersion).HasMaxLength(64);
        builder.Property(s => s.WelcomeMessageEnglish).HasMaxLength(PortalSettings.WelcomeMessageMaxLength);
        builder.Property(s => s.WelcomeMessageGerman).HasMaxLength(PortalSettings.WelcomeMessageMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // Portals from before company accounts let administrators invite colleagues, as a new portal does.
        builder.Property(s => s.ColleagueInvitations).HasDefaultValue(ColleagueInvitationMode.On).HasSentinel((ColleagueInvitationMode)(-1));
        // Existing portals let customers ask for a new link, as a new portal does; the value is always written.
        builder.Property(s => s.CustomersRequestNewLinks).HasDefaultValue(true).ValueGeneratedNever();
        builder.Ignore(s => s.InvitationValidity);
        builder.Ignore(s => s.SessionIdleTimeout);
    }
}

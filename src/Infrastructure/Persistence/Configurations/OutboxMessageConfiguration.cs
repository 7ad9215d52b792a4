using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Mail;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.PortalAccess;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(254).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // Who is delivering the message and until when: a claim of an instance that died runs out and the mail is picked up again.
        builder.Property<string?>(OutboxClaim.ClaimedBy).HasMaxLength(200);
        builder.Property<DateTimeOffset?>(OutboxClaim.ClaimExpiresAt);
        // The bulk access job whose batch queued the mail, so its page can count what was delivered.
        builder.Property<int?>(PortalAccessJobMail.JobId);
        builder.HasIndex(PortalAccessJobMail.JobId, nameof(OutboxMessage.Status));
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // The back office's list: newest first, all or by status.
        builder.HasIndex(m => new { m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.Status, m.CreatedAt, m.Id });
    }
}

//! `cmas operator` and `cmas organisation`: the platform's tenants, run on
//! the server itself (which holds the database, so it acts as the
//! operator without logging in).

use crate::app::operators::{self, Operating};
use crate::app::tenants::{self, NewOrganisation};
use crate::app::App;
use crate::config::{DatabaseSettings, MailArgs};
use crate::domain::i18n::Language;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum OperatorCommand {
    /// Create a platform operator, who administers organisations (never their content); prints a generated password once.
    Create {
        /// The operator's e-mail address, which they log in with.
        email: String,
        #[command(flatten)]
        database: DatabaseSettings,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrganisationCommand {
    /// Create an organisation and print the invitation link of its first admin.
    Create {
        /// The consultancy's name.
        #[arg(long)]
        name: String,
        /// Its short name in URLs and commands (made from the name when left out).
        #[arg(long)]
        slug: Option<String>,
        /// The first admin's e-mail address.
        #[arg(long)]
        admin_email: String,
        /// The first admin's name.
        #[arg(long)]
        admin_name: String,
        /// The language its reports are written in by default.
        #[arg(long, value_enum)]
        report_language: Option<Language>,
        /// Mail (the invitation is e-mailed when CMAS_SMTP_URL is set) and the public address.
        #[command(flatten)]
        mail: MailArgs,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// List every organisation: id, slug, people, state and name.
    List {
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Switch an organisation off: its sessions and tokens stop at once, its data stays.
    Disable {
        /// The organisation's slug.
        slug: String,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Switch an organisation on again.
    Enable {
        /// The organisation's slug.
        slug: String,
        #[command(flatten)]
        database: DatabaseSettings,
    },
}

/// Runs `cmas operator …`.
pub fn operator(command: OperatorCommand) -> anyhow::Result<()> {
    let OperatorCommand::Create { email, database } = command;
    let app = App::open(&database, 1)?;
    let password = operators::create(&app, &email)?;
    // Printed, not logged: it must not end up in log files.
    crate::say!(
        "created the operator {} with the password {password}\n(shown once; they log in with POST /api/v1/operator/tokens)",
        email.trim().to_lowercase()
    );
    Ok(())
}

/// Runs `cmas organisation …`.
pub fn organisation(command: OrganisationCommand) -> anyhow::Result<()> {
    let by = Operating::CommandLine;
    match command {
        OrganisationCommand::Create {
            name,
            slug,
            admin_email,
            admin_name,
            report_language,
            mail,
            database,
        } => {
            let app = App::open(&database, 1)?.with_mail(&mail, "");
            let body = NewOrganisation {
                name,
                slug,
                admin_email,
                admin_name,
                report_language,
            };
            let created = tenants::create(&app, &by, &body)?;
            crate::say!(
                "created the organisation {} ({}); its first admin {} sets a password at\n{}\n(the link works once, until {} UTC{})",
                created.organisation.slug,
                created.organisation.name,
                created.invitation.user.email,
                app.mail.link(&created.invitation.link),
                created.invitation.expires_at.format("%Y-%m-%d %H:%M"),
                if created.invitation.emailed { "; it was e-mailed to them" } else { "" }
            );
        }
        OrganisationCommand::List { database } => {
            let app = App::open(&database, 1)?;
            for org in tenants::list(&app, &by)? {
                let state = match org.disabled_at {
                    Some(at) => format!("disabled since {}", at.format("%Y-%m-%d %H:%M")),
                    None => "enabled".to_owned(),
                };
                crate::say!(
                    "{:>4}  {:<24} {:>5} people  {:<28} {}",
                    org.id,
                    org.slug,
                    org.people,
                    state,
                    org.name
                );
            }
        }
        OrganisationCommand::Disable { slug, database } => switch(&database, &slug, false)?,
        OrganisationCommand::Enable { slug, database } => switch(&database, &slug, true)?,
    }
    Ok(())
}

fn switch(database: &DatabaseSettings, slug: &str, enabled: bool) -> anyhow::Result<()> {
    let app = App::open(database, 1)?;
    let id = tenants::by_slug(&app, slug)?;
    let org = tenants::set_enabled(&app, &Operating::CommandLine, id, enabled)?;
    let state = if enabled { "enabled" } else { "disabled" };
    crate::say!("{} is {state}", org.slug);
    Ok(())
}

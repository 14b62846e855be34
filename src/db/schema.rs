//! The tables, in the types both SQLite and PostgreSQL support. Kept by hand in
//! step with `migrations/sqlite` and `migrations/postgres`.

diesel::table! {
    organisations (id) {
        id -> Integer,
        name -> Text,
        slug -> Text,
        created_at -> Timestamp,
        portfolio_version -> BigInt,
        performance_version -> BigInt,
        currency -> Text,
        number_format -> Text,
        disabled_at -> Nullable<Timestamp>,
        report_language -> Text,
        two_factor -> Text,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Integer,
        subject -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        organisation_id -> Integer,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_enabled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        token_hash -> Text,
        user_id -> Integer,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        device -> Text,
        address -> Text,
        last_seen_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        user_id -> Integer,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_address -> Nullable<Text>,
        expires_at -> Nullable<Timestamp>,
        scope -> Text,
    }
}

diesel::table! {
    clients (id) {
        id -> Integer,
        organisation_id -> Integer,
        name -> Text,
        sector -> Text,
        size_band -> Text,
        region -> Text,
        created_at -> Timestamp,
        name_key -> Text,
        report_language -> Text,
    }
}

diesel::table! {
    client_members (client_id, user_id) {
        client_id -> Integer,
        user_id -> Integer,
    }
}

diesel::table! {
    questionnaires (id) {
        id -> Integer,
        organisation_id -> Integer,
        questionnaire_key -> Text,
        version -> Text,
        title -> Text,
        content_hash -> Text,
        definition -> Text,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    assessments (id) {
        id -> Integer,
        organisation_id -> Integer,
        client_id -> Integer,
        questionnaire_id -> Integer,
        assessment_date -> Date,
        business_unit -> Nullable<Text>,
        product -> Nullable<Text>,
        customer_group -> Nullable<Text>,
        status -> Text,
        lead_assessor_id -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finalised_at -> Nullable<Timestamp>,
        answers_version -> Integer,
    }
}

diesel::table! {
    assessment_assessors (assessment_id, user_id) {
        assessment_id -> Integer,
        user_id -> Integer,
    }
}

diesel::table! {
    scores (id) {
        id -> Integer,
        assessment_id -> Integer,
        assessor_id -> Integer,
        question_id -> Text,
        intention -> Nullable<Integer>,
        reality -> Nullable<Integer>,
        na_reason -> Nullable<Text>,
        evidence -> Nullable<Text>,
        version -> Integer,
        updated_at -> Timestamp,
        not_applicable -> Bool,
    }
}

diesel::table! {
    agreed_scores (id) {
        id -> Integer,
        assessment_id -> Integer,
        question_id -> Text,
        intention -> Nullable<Integer>,
        reality -> Nullable<Integer>,
        na_reason -> Nullable<Text>,
        evidence -> Nullable<Text>,
        set_by -> Integer,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Integer,
        organisation_id -> Integer,
        actor_id -> Nullable<Integer>,
        occurred_at -> Timestamp,
        entity -> Text,
        entity_id -> Integer,
        action -> Text,
        before_value -> Nullable<Text>,
        after_value -> Nullable<Text>,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(clients -> organisations (organisation_id));
diesel::joinable!(client_members -> clients (client_id));
diesel::joinable!(client_members -> users (user_id));
diesel::joinable!(assessments -> clients (client_id));
diesel::joinable!(assessments -> questionnaires (questionnaire_id));
diesel::joinable!(assessment_assessors -> assessments (assessment_id));
diesel::joinable!(scores -> assessments (assessment_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    sessions,
    api_tokens,
    clients,
    client_members,
    questionnaires,
    assessments,
    assessment_assessors,
    scores,
    agreed_scores,
    audit_events,
    result_summaries,
    kpis,
    kpi_values,
    panels,
    panel_ranks,
    programmes,
    projects,
    milestones,
    project_dependencies,
    login_failures,
    evidence_items,
    evidence_chunks,
    evidence_areas,
    interviews,
    interview_assessors,
    citations,
    area_assignments,
);

diesel::table! {
    result_summaries (assessment_id, node_id) {
        assessment_id -> Integer,
        node_id -> Text,
        intention -> Double,
        reality -> Double,
        combined -> Double,
    }
}

diesel::joinable!(result_summaries -> assessments (assessment_id));

diesel::table! {
    kpis (id) {
        id -> Integer,
        organisation_id -> Integer,
        name -> Text,
        unit -> Text,
        direction -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    kpi_values (id) {
        id -> Integer,
        kpi_id -> Integer,
        client_id -> Integer,
        period -> Text,
        value -> Double,
    }
}

diesel::table! {
    panels (id) {
        id -> Integer,
        organisation_id -> Integer,
        name -> Text,
        period -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    panel_ranks (panel_id, client_id) {
        panel_id -> Integer,
        client_id -> Integer,
        rank -> Double,
    }
}

diesel::joinable!(kpi_values -> kpis (kpi_id));
diesel::joinable!(panel_ranks -> panels (panel_id));

diesel::table! {
    programmes (id) {
        id -> Integer,
        organisation_id -> Integer,
        client_id -> Integer,
        name -> Text,
        business_units -> Text,
        customer_groups -> Text,
        dimensions -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    projects (id) {
        id -> Integer,
        programme_id -> Integer,
        name -> Text,
        objective -> Text,
        owner -> Text,
        placement -> Text,
        areas -> Text,
        inputs -> Text,
        outputs -> Text,
        start_date -> Date,
        end_date -> Date,
        status -> Text,
        money -> Text,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    milestones (id) {
        id -> Integer,
        project_id -> Integer,
        name -> Text,
        due_date -> Date,
        done_date -> Nullable<Date>,
    }
}

diesel::table! {
    project_dependencies (project_id, depends_on_id) {
        project_id -> Integer,
        depends_on_id -> Integer,
    }
}

diesel::joinable!(programmes -> clients (client_id));
diesel::joinable!(projects -> programmes (programme_id));
diesel::joinable!(milestones -> projects (project_id));

diesel::table! {
    evidence_items (id) {
        id -> Integer,
        organisation_id -> Integer,
        assessment_id -> Integer,
        kind -> Text,
        title -> Text,
        url -> Nullable<Text>,
        file_name -> Nullable<Text>,
        media_type -> Nullable<Text>,
        size_bytes -> Nullable<BigInt>,
        sha256 -> Nullable<Text>,
        effective_date -> Nullable<Date>,
        shared_with_executives -> Bool,
        added_by -> Integer,
        added_at -> Timestamp,
    }
}

diesel::table! {
    evidence_chunks (evidence_id, seq) {
        evidence_id -> Integer,
        seq -> Integer,
        bytes -> Binary,
    }
}

diesel::table! {
    evidence_areas (evidence_id, area_id) {
        evidence_id -> Integer,
        area_id -> Text,
    }
}

diesel::table! {
    interviews (evidence_id) {
        evidence_id -> Integer,
        interviewee -> Text,
        job_title -> Text,
        job_function -> Text,
        scheduled_at -> Timestamp,
        status -> Text,
        notes -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    interview_assessors (evidence_id, user_id) {
        evidence_id -> Integer,
        user_id -> Integer,
    }
}

diesel::table! {
    citations (assessment_id, assessor_id, question_id, evidence_id) {
        assessment_id -> Integer,
        assessor_id -> Integer,
        question_id -> Text,
        evidence_id -> Integer,
    }
}

diesel::table! {
    area_assignments (assessment_id, user_id, area_id) {
        assessment_id -> Integer,
        user_id -> Integer,
        area_id -> Text,
    }
}

diesel::joinable!(evidence_chunks -> evidence_items (evidence_id));
diesel::joinable!(evidence_areas -> evidence_items (evidence_id));
diesel::joinable!(interviews -> evidence_items (evidence_id));
diesel::joinable!(citations -> evidence_items (evidence_id));

diesel::table! {
    invitations (id) {
        id -> Integer,
        user_id -> Integer,
        token_hash -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(invitations -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(invitations, users);

diesel::table! {
    report_brandings (organisation_id) {
        organisation_id -> Integer,
        primary_colour -> Text,
        accent_colour -> Text,
        font -> Text,
        cover -> Bool,
        footer -> Text,
        confidentiality -> Text,
        logo -> Nullable<Binary>,
        logo_kind -> Nullable<Text>,
        updated_by -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    target_sets (id) {
        id -> Integer,
        organisation_id -> Integer,
        client_id -> Integer,
        assessment_id -> Integer,
        scope_key -> Text,
        version -> Integer,
        set_by -> Nullable<Integer>,
        set_at -> Timestamp,
    }
}

diesel::table! {
    targets (set_id, node_id) {
        set_id -> Integer,
        node_id -> Text,
        kind -> Text,
        target -> Double,
        due_date -> Date,
    }
}

diesel::table! {
    actions (id) {
        id -> Integer,
        organisation_id -> Integer,
        client_id -> Integer,
        assessment_id -> Nullable<Integer>,
        title -> Text,
        addresses -> Text,
        owner_user_id -> Nullable<Integer>,
        owner_name -> Nullable<Text>,
        due_date -> Nullable<Date>,
        status -> Text,
        project_id -> Nullable<Integer>,
        version -> Integer,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(targets -> target_sets (set_id));
diesel::allow_tables_to_appear_in_same_query!(target_sets, targets);

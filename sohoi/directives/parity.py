"""Whatever a directives page can change, the API can too: each URL name whose view accepts a POST, mapped to
the API operation that does the same through the same service (its OpenAPI operation id). The parity test
walks the URL configuration and fails when a write page is missing here or names an unknown operation."""

PARITY: dict[str, str] = {
    # the upload page: a file (or, through the API, its text) read, checked and registered; a stub filled
    "directives:document_upload": "directives_document_upload",
    # the header edit page, secrecy and readers included (registrars only)
    "directives:document_edit": "directives_document_update",
    # the review screen: "save" keeps the corrected list (directives_proposal_save); "confirm" fans it out
    # (directives_document_confirm, which also takes the list)
    "directives:document_review": "directives_proposal_save",
    # the assignment page's report form, with attachments
    "directives:assignment_detail": "directives_report_submit_files",
    # accept or return a report (the return is directives_report_return)
    "directives:report_review": "directives_report_accept",
    "directives:urge": "directives_unit_urge",
    "directives:dissemination_add": "directives_session_record",
    "directives:dissemination_edit": "directives_session_update",
    "directives:dissemination_urge": "directives_dissemination_urge",
    # the default task deadlines (administrator only)
    "directives:rule_add": "directives_deadline_rule_create",
    "directives:rule_edit": "directives_deadline_rule_update",
}

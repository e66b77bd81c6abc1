{% snapshot snp_soscare__looked_after %}
{#-
    Looked-after episodes: SCD type 2 history across extract releases, one row per
    version of each record (an episode closed by a discharge, or a corrected placement gives a second version).
    Business key `snapshot_key` = soscare_id:seq_no (see the doc block
    `snapshot_business_key`); records without either are not tracked.
-#}
{%- set tracked = [
        'hcn',
        'hcn_issue',
        'team',
        'trust',
        'carer_code',
        'episode_start_date',
        'episode_start_date_issue',
        'reason_in_care',
        'legal_status',
        'placement_type',
        'discharge_date',
        'discharge_date_issue',
        'discharge_reason',
        'discharged_to',
        'placement_moves',
        'placement_moves_issue',
] -%}

    {{ config(check_cols=tracked + ['key_records']) }}

    {{ snapshot_by_business_key(ref('stg_soscare__looked_after'), tracked) }}

{% endsnapshot %}

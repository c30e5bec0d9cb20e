# GOOD: 1 x L4 (implicit in g2-standard-8), labelled for cost attribution.
resource "google_compute_instance" "inference_l4" {
  name         = "${var.name_prefix}-inference-l4"
  machine_type = "g2-standard-8"
  zone         = var.gcp_zone
  labels       = local.gcp_labels

  boot_disk {
    initialize_params {
      image = "projects/deeplearning-platform-release/global/images/family/common-cu123-debian-11-py310"
      size  = 200
    }
  }

  network_interface {
    subnetwork = var.gcp_subnetwork
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
    automatic_restart   = true
  }
}

# BAD (gpu): an N1 VM with an attached T4 and no labels at all.
resource "google_compute_instance" "batch_t4" {
  name         = "${var.name_prefix}-batch-t4"
  machine_type = "n1-standard-8"
  zone         = var.gcp_zone

  guest_accelerator {
    type  = "nvidia-tesla-t4"
    count = 1
  }

  boot_disk {
    initialize_params {
      image = "projects/deeplearning-platform-release/global/images/family/common-cu123-debian-11-py310"
      size  = 100
    }
  }

  network_interface {
    subnetwork = var.gcp_subnetwork
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
  }
}

resource "google_storage_bucket" "model_artifacts" {
  name                        = "${var.name_prefix}-model-artifacts"
  location                    = "US-CENTRAL1"
  uniform_bucket_level_access = true
  labels                      = local.gcp_labels
}

# BAD (iam): the model artifacts become world-readable "for the demo page".
resource "google_storage_bucket_iam_member" "model_artifacts_public" {
  bucket = google_storage_bucket.model_artifacts.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

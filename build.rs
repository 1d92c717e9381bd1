// The default rule set is embedded with include_dir; tell cargo to rebuild when it changes.
fn main() {
    println!("cargo:rerun-if-changed=rules");
}

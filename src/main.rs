fn main() {
    println!("lunxun");
}
